import { corridorPackageContent } from '../../shared/domain/corridor/journey';
import type { SignedPackage } from '../../shared/domain/central';
import { publishPackage } from '../packages/publish-package';
import type { CentralStore } from '../store/open-store';
import type { RegisteredCorridor } from './corridor-repo';

/**
 * Sends a registered corridor down to every station (a station not on it skips it): each keeps the stretch of the
 * chain it stands on, replacing the corridor typed in by hand there. Published again on every change.
 */
export function publishCorridor(store: CentralStore, corridor: RegisteredCorridor): Promise<SignedPackage> {
  return publishPackage(store, {
    kind: 'corridor',
    name: `corridor-${corridor.chain.id}-v${corridor.version}.json`,
    content: corridorPackageContent({ name: corridor.name, version: corridor.version, chain: corridor.chain }),
    stationId: null,
    corridorId: null,
  });
}
