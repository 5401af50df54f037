// The shapes the server sends the quiz player and the review session: one definition, used by
// lib/data (which builds them) and by the client components (which render them). Types only.
import type { PlayerView } from "./grade";
import type { ItemResponse, ItemType } from "./schema";

export interface ItemFeedback {
  itemId: string;
  score: number;
  correct: boolean;
  /** Rendered HTML, one entry per feedback text. */
  feedback: string[];
  /** Rendered HTML. */
  explanation: string;
  correctAnswer: string;
  parts: Record<string, boolean> | null;
  response: ItemResponse;
}

export interface PlayerItem {
  id: string;
  type: ItemType;
  /** Rendered HTML. */
  stem: string;
  caseTitle: string | null;
  /** Rendered HTML of the case scenario, when the item belongs to a case. */
  scenario: string | null;
  view: PlayerView;
  answered: ItemFeedback | null;
}

export interface ReviewCardView {
  id: string;
  /** The card's review count: sent back with the rating so a stale double submit is ignored. */
  reps: number;
  itemId: string;
  type: ItemType;
  /** Rendered HTML. */
  stem: string;
  caseTitle: string | null;
  scenario: string | null;
  view: PlayerView;
  courseTitle: string;
  /** Rating → "10 min", "3 days": what each button would schedule. */
  intervals: Record<1 | 2 | 3 | 4, string>;
}
