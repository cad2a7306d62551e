/** Runs both sides in turn, the action first in even rounds (0, 2, …): neither always meets the warmer server. */
export async function alternate(
  round: number,
  action: () => Promise<void>,
  peer: () => Promise<void>,
): Promise<void> {
  for (const side of round % 2 === 0 ? [action, peer] : [peer, action]) await side();
}
