import type { Outcome } from '../../../shared/contract';

/** Bundled files (scripts/generate-sounds.mjs), served from the app's own origin like the rest of the page. */
const SOUND_FILE: Record<Outcome, string> = {
  OK: './sounds/ok.wav',
  NOT_OK: './sounds/not-ok.wav',
  NEEDS_CROSS_CHECK: './sounds/cross-check.wav',
};

/** Performance marks name what happened, so the e2e tests (and a curious admin) can see each signal. */
export const SOUND_PLAYED_MARK = 'lane:sound-played';
export const SOUND_FAILED_MARK = 'lane:sound-failed';

/**
 * One short sound per outcome. The audio elements are made once and reused, so a bus of 400 does not
 * fetch 400 files; a new outcome interrupts the previous sound instead of queueing behind it.
 */
export class OutcomeSounds {
  private readonly elements = new Map<Outcome, HTMLAudioElement>();
  private playing: HTMLAudioElement | undefined;

  private element(outcome: Outcome): HTMLAudioElement {
    let audio = this.elements.get(outcome);
    if (!audio) {
      audio = new Audio(SOUND_FILE[outcome]);
      audio.preload = 'auto';
      this.elements.set(outcome, audio);
    }
    return audio;
  }

  /** Loads the files ahead of the first traveller. */
  preload(): void {
    for (const outcome of Object.keys(SOUND_FILE) as Outcome[]) this.element(outcome);
  }

  /** Plays the outcome's sound at `volume` (0 to 1); 0 is silent and plays nothing. */
  play(outcome: Outcome, volume: number): void {
    if (!(volume > 0)) return;
    if (this.playing) {
      this.playing.pause();
      this.playing.currentTime = 0;
    }
    const audio = this.element(outcome);
    audio.volume = Math.min(1, volume);
    audio.currentTime = 0;
    this.playing = audio;
    // A failed sound (no audio device, autoplay refused) must never stop the lane: it is only noted.
    audio.play().then(
      () => performance.mark(SOUND_PLAYED_MARK, { detail: { outcome, volume: audio.volume } }),
      (error: unknown) => performance.mark(SOUND_FAILED_MARK, { detail: { outcome, reason: error instanceof Error ? error.name : String(error) } }),
    );
  }
}
