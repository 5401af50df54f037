// The shapes the server sends the quiz player, defined once in lib/items/player.ts (components do not
// import lib/data). Before answering there is nothing to leak here.
import type { PlayerView } from "@/lib/items/grade";
import type { ItemResponse, ItemType } from "@/lib/items/schema";

export type { PlayerView, ItemResponse, ItemType };

export type { ItemFeedback as Feedback, PlayerItem as QuizItem } from "@/lib/items/player";
