import { CoreFailure, type CoreApi } from '../../contract';
import { readPackageFiles } from '../../node/central';
import type { CoreContext } from '../core-context';
import { defineMethod } from '../define-method';
import type { HubLinkService } from './hub-link';
import type { StationPackages } from './station-packages';

/** The link to the hub as the Export screen shows it, a poll on demand, and packages from a USB stick. */
export function hubLinkMethods(ctx: CoreContext, link: HubLinkService, packages: StationPackages): Pick<CoreApi, 'getHubLink' | 'checkHubNow' | 'importStationPackages'> {
  return {
    getHubLink: defineMethod('getHubLink', (input) => link.state(input.limit), ctx),
    checkHubNow: defineMethod('checkHubNow', async () => ({ items: await link.run() }), ctx),
    importStationPackages: defineMethod(
      'importStationPackages',
      async (input) => {
        const read = readPackageFiles(input.path);
        if (!read.ok) throw new CoreFailure('invalid-input', 'package.unreadable', { detail: read.message });
        const items = read.files.map((file) => {
          try {
            return JSON.parse(file.text) as unknown;
          } catch {
            return null;
          }
        });
        const report = await packages.apply(items, 'folder', ctx.session.actor(), read.files.map((file) => file.name));
        link.announce();
        return { items: report };
      },
      ctx,
    ),
  };
}
