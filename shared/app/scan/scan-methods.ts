import type { CoreApi } from '../../contract';
import type { CoreContext } from '../core-context';
import { defineMethod } from '../define-method';
import type { LabResultService } from '../lab-results/lab-result-service';
import type { BusinessRuleService } from '../rules/business-rule-service';
import type { RevocationService } from '../revocation/revocation-service';
import type { RuleProfileService } from '../rules/rule-profile-service';
import type { TrustListService } from '../trust-list/trust-list-service';
import type { JudgedTravellers } from './judged-travellers';
import { handleScan, type ScanDeps } from './handle-scan';
import { laneCorridorId } from './lane-corridor';
import { withLaneNotices } from './lane-notices';
import { addPaperCertificate } from './paper-certificate';

export function scanMethods(
  ctx: CoreContext,
  travellers: JudgedTravellers,
  services: {
    readonly trustLists: TrustListService;
    readonly rules: RuleProfileService;
    readonly businessRules?: BusinessRuleService;
    readonly revocation?: RevocationService;
    readonly labResults?: LabResultService;
  },
): Pick<CoreApi, 'scan' | 'addPaperCertificate' | 'listParked'> {
  const deps: ScanDeps = {
    now: ctx.now,
    newId: ctx.newId,
    travellers,
    operatorId: () => ctx.session.current?.id ?? null,
    trustList: () => services.trustLists.current(),
    revocation: () => services.revocation?.lookup(),
    ...(services.labResults ? { labResults: services.labResults } : {}),
    rules: {
      resolve: (corridorId, direction, at) => {
        const resolved = services.rules.resolve(corridorId ?? laneCorridorId(ctx), direction, at);
        // The receiving state's EU business rules, when imported, judge every verified DCC beside the profile.
        const businessRules = services.businessRules?.inForce();
        return businessRules ? { ...resolved, businessRules } : resolved;
      },
    },
  };
  return {
    scan: defineMethod('scan', async (input) => withLaneNotices(ctx, travellers, await handleScan(input, deps)), ctx),
    addPaperCertificate: defineMethod('addPaperCertificate', async (input) => withLaneNotices(ctx, travellers, await addPaperCertificate(input, deps)), ctx),
    // Nobody decided is dropped: every traveller scanned and not recorded stays listed until recorded or cancelled.
    listParked: defineMethod('listParked', () => ({ items: travellers.unrecorded().map((p) => withLaneNotices(ctx, travellers, p.result)) }), ctx),
  };
}
