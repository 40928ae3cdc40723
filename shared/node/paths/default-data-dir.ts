import os from 'node:os';
import path from 'node:path';

/** Where the station keeps its data when no folder is given: CHECKPOINT_DATA_DIR, else the OS convention. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.CHECKPOINT_DATA_DIR) return path.resolve(env.CHECKPOINT_DATA_DIR);
  if (platform === 'win32' && env.APPDATA) return path.join(env.APPDATA, 'Checkpoint Station');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Checkpoint Station');
  return path.join(env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'checkpoint-station');
}
