#!/usr/bin/env node
/**
 * Writes the lane's three outcome sounds into renderer/public/sounds/ as small WAV files (8-bit mono,
 * 16 kHz, a few KB each). They are generated rather than downloaded so their origin is known and they
 * can be rebuilt: `node scripts/generate-sounds.mjs`. Each outcome has its own shape, so an operator
 * who is not looking at the screen still hears the difference:
 *   ok.wav           two short rising notes (a chime)
 *   not-ok.wav       three low, harsh pulses (a buzzer)
 *   cross-check.wav  two equal middle notes (attention)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const RATE = 16_000;
const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../renderer/public/sounds');

/** A note: frequency (Hz), length (ms), waveform; `null` frequency is silence. */
const SOUNDS = {
  ok: [
    { hz: 880, ms: 110, wave: 'sine' },
    { hz: null, ms: 30 },
    { hz: 1320, ms: 180, wave: 'sine' },
  ],
  'not-ok': [
    { hz: 196, ms: 120, wave: 'square' },
    { hz: null, ms: 50 },
    { hz: 196, ms: 120, wave: 'square' },
    { hz: null, ms: 50 },
    { hz: 196, ms: 160, wave: 'square' },
  ],
  'cross-check': [
    { hz: 660, ms: 140, wave: 'triangle' },
    { hz: null, ms: 90 },
    { hz: 660, ms: 140, wave: 'triangle' },
  ],
};

function sample(wave, phase) {
  const x = phase - Math.floor(phase);
  if (wave === 'square') return x < 0.5 ? 0.6 : -0.6;
  if (wave === 'triangle') return 4 * Math.abs(x - 0.5) - 1;
  return Math.sin(2 * Math.PI * x);
}

function render(notes) {
  const values = [];
  for (const note of notes) {
    const count = Math.round((note.ms / 1000) * RATE);
    const fade = Math.min(count / 2, RATE * 0.008); // 8 ms ramps: no clicks at note edges
    for (let i = 0; i < count; i += 1) {
      if (note.hz === null) {
        values.push(0);
        continue;
      }
      const envelope = Math.min(1, i / fade, (count - i) / fade);
      values.push(0.8 * envelope * sample(note.wave, (note.hz * i) / RATE));
    }
  }
  return values;
}

function wav(values) {
  const data = Buffer.alloc(values.length);
  values.forEach((v, i) => data.writeUInt8(Math.max(0, Math.min(255, Math.round(128 + 127 * v))), i));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16); // PCM chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE, 28); // byte rate: 1 byte per sample
  header.writeUInt16LE(1, 32); // block align
  header.writeUInt16LE(8, 34); // bits per sample
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

fs.mkdirSync(OUT, { recursive: true });
for (const [name, notes] of Object.entries(SOUNDS)) {
  const file = path.join(OUT, `${name}.wav`);
  const bytes = wav(render(notes));
  fs.writeFileSync(file, bytes);
  console.log(`${path.relative(process.cwd(), file)}: ${bytes.length} bytes`);
}
