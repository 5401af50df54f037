// Client-side shapes of what the server sends the quiz player (mirrors lib/data/quiz PlayerItem and
// ItemFeedback; components do not import lib/data). Before answering there is nothing to leak here.
import type { PlayerView } from "@/lib/items/grade";
import type { ItemResponse, ItemType } from "@/lib/items/schema";

export type { PlayerView, ItemResponse, ItemType };

export interface Feedback {
  itemId: string;
  score: number;
  correct: boolean;
  /** Sanitised HTML from the server. */
  feedback: string[];
  /** Sanitised HTML from the server. */
  explanation: string;
  correctAnswer: string;
  parts: Record<string, boolean> | null;
  response: ItemResponse;
}

export interface QuizItem {
  id: string;
  type: ItemType;
  /** Sanitised HTML from the server. */
  stem: string;
  caseTitle: string | null;
  scenario: string | null;
  view: PlayerView;
  answered: Feedback | null;
}
