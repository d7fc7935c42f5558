import { transportSettings } from './settings';

/**
 * Spaces requests so that one API key never exceeds Chaser's rate limit, across items,
 * executions and nodes in this process. Each caller reserves the next free slot, so
 * concurrent executions queue fairly instead of racing into 429s.
 *
 * Slots are spaced evenly (window / requests, plus 1% for clock and network jitter) rather
 * than burst: a burst of 200 followed by a 59-second stall looks the same to a per-minute
 * limit but hurts every workflow sharing the key.
 */
const nextSlotByKey = new Map<string, number>();

const JITTER_MARGIN = 1.01;

export function slotIntervalMs(): number {
	const { requests, windowMs } = transportSettings.rateLimit;
	if (requests <= 0 || windowMs <= 0) return 0;
	return (windowMs / requests) * JITTER_MARGIN;
}

/**
 * Waits until this key may send its next request. A hold set after a 429 (`holdUntil`) is honoured
 * even when pacing is off, so a Retry-After is always waited out.
 */
export async function acquireSlot(key: string): Promise<void> {
	const interval = slotIntervalMs();
	const reserved = nextSlotByKey.get(key);
	if (interval === 0 && reserved === undefined) return;
	const now = transportSettings.now();
	const slot = Math.max(now, reserved ?? 0);
	if (interval === 0 && slot === now) nextSlotByKey.delete(key);
	else nextSlotByKey.set(key, slot + interval);
	if (slot > now) await transportSettings.sleep(slot - now);
}

/** After a 429 the server knows better: nobody on this key sends before it says so. */
export function holdUntil(key: string, time: number): void {
	if ((nextSlotByKey.get(key) ?? 0) < time) nextSlotByKey.set(key, time);
}

export function resetPacing(): void {
	nextSlotByKey.clear();
}
