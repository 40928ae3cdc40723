import type { z } from 'zod';
import { AcknowledgeAlertInputSchema, AlertPageSchema, AlertSchema, ListAlertsInputSchema } from './alert';
import {
  BootstrapStationInputSchema,
  CreateUserInputSchema,
  GetStationIdentityInputSchema,
  ListUsersInputSchema,
  LoginInputSchema,
  LogoutInputSchema,
  LogoutSchema,
  SessionUserSchema,
  StationIdentitySchema,
  TrustStationInputSchema,
  TrustedStationSchema,
  UnlockUserInputSchema,
  SetUserActiveInputSchema,
  SetUserRoleInputSchema,
  ResetUserPinInputSchema,
  ChangeMyPinInputSchema,
  ChangeMyPinSchema,
  UserListSchema,
  UserSchema,
  WhoAmIInputSchema,
  WhoAmISchema,
} from './auth';
import { CheckpointListSchema, CheckpointSchema, CorridorListSchema, CorridorSchema, ListInputSchema, SaveCheckpointInputSchema, SaveCorridorInputSchema } from './corridor';
import {
  AdmitCrossingInputSchema,
  AmendCrossingInputSchema,
  CrossingPageSchema,
  CrossingSchema,
  HeldListSchema,
  ListCrossingsInputSchema,
  ListHeldInputSchema,
  RecordCrossingInputSchema,
  RecordedCrossingSchema,
  RefuseCrossingInputSchema,
} from './crossing';
import { DashboardSchema, GetDashboardInputSchema, GetLaneOverviewInputSchema, LaneOverviewSchema } from './dashboard';
import {
  CloseGroupInputSchema,
  CloseGroupPreviewSchema,
  PreviewCloseGroupInputSchema,
  ReopenGroupInputSchema,
  CreateGroupInputSchema,
  ExportGroupFileInputSchema,
  GetGroupInputSchema,
  GroupDetailSchema,
  GroupFileImportSchema,
  GroupFileSchema,
  GroupListSchema,
  GroupSchema,
  ImportGroupFileInputSchema,
  ImportManifestInputSchema,
  LaneGroupSchema,
  ListGroupsInputSchema,
  ManifestImportSchema,
  SetLaneGroupInputSchema,
} from './group';
import type { CoreResult } from './errors';
import type { CoreEventListener } from './events';
import {
  ExportBundleInputSchema,
  ExportHistorySchema,
  ExportPreviewSchema,
  ExportRecordSchema,
  ExportSettingsSchema,
  GetExportSettingsInputSchema,
  GetShiftReportInputSchema,
  ListExportsInputSchema,
  PreviewExportInputSchema,
  SaveExportSettingsInputSchema,
  ShiftReportSchema,
} from './export';
import type { CoreMethodName } from './method-names';
import { AddPaperCertificateInputSchema } from './evidence';
import { GetRuleProfileInputSchema, ListRuleProfilesInputSchema, RuleProfileListSchema, SaveRuleProfileInputSchema, StoredRuleProfileSchema } from './rules';
import { ListParkedInputSchema, ParkedListSchema, ScanInputSchema, ScanResultSchema } from './scan';
import {
  AssignScannerInputSchema,
  GetScannerFeedInputSchema,
  GetWedgeSettingsInputSchema,
  SaveWedgeSettingsInputSchema,
  WedgeSettingsSchema,
  GetScannerStatusInputSchema,
  LaneContextSchema,
  ListScannersInputSchema,
  ScannerFeedSchema,
  ScannerListSchema,
  ScannerStatusListSchema,
  ScannerStatusSchema,
  SetLaneContextInputSchema,
  UnassignScannerInputSchema,
  UnassignedScannerSchema,
} from './scanner';
import { GetUserPreferencesInputSchema, SaveUserPreferencesInputSchema, UserPreferencesSchema } from './preferences';
import { GetStatusInputSchema, StatusSchema } from './status';
import { GetIdleSignOutInputSchema, IdleSignOutSchema, SetIdleSignOutInputSchema } from './idle-sign-out';
import {
  GetTrustListInputSchema,
  ImportTrustListInputSchema,
  SetTrustListStaleDaysInputSchema,
  TrustListImportResultSchema,
  TrustListSchema,
  TrustListStatusSchema,
} from './trust-list';
import { ImportLabLinksInputSchema, ImportLabListInputSchema, LabKeySchema, LabLinksImportSchema, LabListImportSchema, LabOverviewSchema, ListLabsInputSchema, RegisterLabKeyInputSchema } from './lab-results';
import { CheckHubNowInputSchema, GetHubLinkInputSchema, HubLinkSchema, ImportStationPackagesInputSchema, PackageReportSchema } from './hub-link';
import {
  GetRetentionInputSchema,
  PreviewRetentionInputSchema,
  PurgeExpiredInputSchema,
  RetentionPreviewSchema,
  RetentionPurgeSchema,
  RetentionStatusSchema,
  SetRetentionInputSchema,
} from './retention';
import {
  GetTravellerHistoryInputSchema,
  OverrideCrossingInputSchema,
  PassageRecordSchema,
  SearchTravellersInputSchema,
  TravellerHistorySchema,
  TravellerSearchSchema,
} from './traveller';

/** Every CoreApi method with the zod schemas of its input and output: the single source of the contract. */
export const coreMethods = {
  scan: { input: ScanInputSchema, output: ScanResultSchema },
  listParked: { input: ListParkedInputSchema, output: ParkedListSchema },
  recordCrossing: { input: RecordCrossingInputSchema, output: RecordedCrossingSchema },
  listCrossings: { input: ListCrossingsInputSchema, output: CrossingPageSchema },
  getStatus: { input: GetStatusInputSchema, output: StatusSchema },
  whoAmI: { input: WhoAmIInputSchema, output: WhoAmISchema },
  login: { input: LoginInputSchema, output: SessionUserSchema },
  logout: { input: LogoutInputSchema, output: LogoutSchema },
  bootstrapStation: { input: BootstrapStationInputSchema, output: SessionUserSchema },
  listUsers: { input: ListUsersInputSchema, output: UserListSchema },
  createUser: { input: CreateUserInputSchema, output: UserSchema },
  unlockUser: { input: UnlockUserInputSchema, output: UserSchema },
  setUserActive: { input: SetUserActiveInputSchema, output: UserSchema },
  setUserRole: { input: SetUserRoleInputSchema, output: UserSchema },
  resetUserPin: { input: ResetUserPinInputSchema, output: UserSchema },
  changeMyPin: { input: ChangeMyPinInputSchema, output: ChangeMyPinSchema },
  getStationIdentity: { input: GetStationIdentityInputSchema, output: StationIdentitySchema },
  trustStation: { input: TrustStationInputSchema, output: TrustedStationSchema },
  listCheckpoints: { input: ListInputSchema, output: CheckpointListSchema },
  saveCheckpoint: { input: SaveCheckpointInputSchema, output: CheckpointSchema },
  listCorridors: { input: ListInputSchema, output: CorridorListSchema },
  saveCorridor: { input: SaveCorridorInputSchema, output: CorridorSchema },
  createGroup: { input: CreateGroupInputSchema, output: GroupSchema },
  listGroups: { input: ListGroupsInputSchema, output: GroupListSchema },
  getGroup: { input: GetGroupInputSchema, output: GroupDetailSchema },
  importManifest: { input: ImportManifestInputSchema, output: ManifestImportSchema },
  setLaneGroup: { input: SetLaneGroupInputSchema, output: LaneGroupSchema },
  closeGroup: { input: CloseGroupInputSchema, output: GroupDetailSchema },
  previewCloseGroup: { input: PreviewCloseGroupInputSchema, output: CloseGroupPreviewSchema },
  reopenGroup: { input: ReopenGroupInputSchema, output: GroupDetailSchema },
  exportGroupFile: { input: ExportGroupFileInputSchema, output: GroupFileSchema },
  importGroupFile: { input: ImportGroupFileInputSchema, output: GroupFileImportSchema },
  listAlerts: { input: ListAlertsInputSchema, output: AlertPageSchema },
  acknowledgeAlert: { input: AcknowledgeAlertInputSchema, output: AlertSchema },
  searchTravellers: { input: SearchTravellersInputSchema, output: TravellerSearchSchema },
  getTravellerHistory: { input: GetTravellerHistoryInputSchema, output: TravellerHistorySchema },
  overrideCrossing: { input: OverrideCrossingInputSchema, output: PassageRecordSchema },
  amendCrossing: { input: AmendCrossingInputSchema, output: CrossingSchema },
  admitCrossing: { input: AdmitCrossingInputSchema, output: CrossingSchema },
  refuseCrossing: { input: RefuseCrossingInputSchema, output: CrossingSchema },
  listHeld: { input: ListHeldInputSchema, output: HeldListSchema },
  getDashboard: { input: GetDashboardInputSchema, output: DashboardSchema },
  getLaneOverview: { input: GetLaneOverviewInputSchema, output: LaneOverviewSchema },
  // COVID evidence: paper certificates, trust list, corridor rule profiles.
  addPaperCertificate: { input: AddPaperCertificateInputSchema, output: ScanResultSchema },
  importTrustList: { input: ImportTrustListInputSchema, output: TrustListImportResultSchema },
  getTrustList: { input: GetTrustListInputSchema, output: TrustListSchema },
  setTrustListStaleDays: { input: SetTrustListStaleDaysInputSchema, output: TrustListStatusSchema },
  // Lab result lists (mass testing) and the lab-link registry.
  listLabs: { input: ListLabsInputSchema, output: LabOverviewSchema },
  registerLabKey: { input: RegisterLabKeyInputSchema, output: LabKeySchema },
  importLabList: { input: ImportLabListInputSchema, output: LabListImportSchema },
  importLabLinks: { input: ImportLabLinksInputSchema, output: LabLinksImportSchema },
  listRuleProfiles: { input: ListRuleProfilesInputSchema, output: RuleProfileListSchema },
  getRuleProfile: { input: GetRuleProfileInputSchema, output: StoredRuleProfileSchema },
  saveRuleProfile: { input: SaveRuleProfileInputSchema, output: StoredRuleProfileSchema },
  // Scanner devices: the Settings "Scanners" screen, the status bar lights, the lane's context for device scans.
  listScanners: { input: ListScannersInputSchema, output: ScannerListSchema },
  getScannerStatus: { input: GetScannerStatusInputSchema, output: ScannerStatusListSchema },
  assignScanner: { input: AssignScannerInputSchema, output: ScannerStatusSchema },
  unassignScanner: { input: UnassignScannerInputSchema, output: UnassignedScannerSchema },
  getScannerFeed: { input: GetScannerFeedInputSchema, output: ScannerFeedSchema },
  setLaneContext: { input: SetLaneContextInputSchema, output: LaneContextSchema },
  getWedgeSettings: { input: GetWedgeSettingsInputSchema, output: WedgeSettingsSchema },
  saveWedgeSettings: { input: SaveWedgeSettingsInputSchema, output: WedgeSettingsSchema },
  // Export to the central system: shift leads export; settings hold the central endpoint.
  previewExport: { input: PreviewExportInputSchema, output: ExportPreviewSchema },
  exportBundle: { input: ExportBundleInputSchema, output: ExportRecordSchema },
  listExports: { input: ListExportsInputSchema, output: ExportHistorySchema },
  getExportSettings: { input: GetExportSettingsInputSchema, output: ExportSettingsSchema },
  saveExportSettings: { input: SaveExportSettingsInputSchema, output: ExportSettingsSchema },
  getShiftReport: { input: GetShiftReportInputSchema, output: ShiftReportSchema },
  // The signed-in operator's own preferences: language, large text, high contrast, volume.
  getUserPreferences: { input: GetUserPreferencesInputSchema, output: UserPreferencesSchema },
  saveUserPreferences: { input: SaveUserPreferencesInputSchema, output: UserPreferencesSchema },
  // Data protection.
  getRetention: { input: GetRetentionInputSchema, output: RetentionStatusSchema },
  previewRetention: { input: PreviewRetentionInputSchema, output: RetentionPreviewSchema },
  // Idle sign-out at the lane: an administrator's station setting (default: the host's, 10 minutes).
  getIdleSignOut: { input: GetIdleSignOutInputSchema, output: IdleSignOutSchema },
  setIdleSignOut: { input: SetIdleSignOutInputSchema, output: IdleSignOutSchema },
  setRetention: { input: SetRetentionInputSchema, output: RetentionStatusSchema },
  purgeExpired: { input: PurgeExpiredInputSchema, output: RetentionPurgeSchema },
  // Signed packages from the central hub: polled over the link, or read from a folder on a USB stick.
  getHubLink: { input: GetHubLinkInputSchema, output: HubLinkSchema },
  checkHubNow: { input: CheckHubNowInputSchema, output: PackageReportSchema },
  importStationPackages: { input: ImportStationPackagesInputSchema, output: PackageReportSchema },
} as const satisfies Record<CoreMethodName, { input: z.ZodType; output: z.ZodType }>;

// `satisfies` makes the compiler prove this table and CORE_METHOD_NAMES list the same methods.
type Methods = typeof coreMethods;

export type MethodInput<M extends CoreMethodName> = z.input<Methods[M]['input']>;
export type MethodOutput<M extends CoreMethodName> = z.output<Methods[M]['output']>;

/** The application, as every host and test sees it. Methods never throw: failures are CoreError values. */
export type CoreApi = {
  [M in CoreMethodName]: (input: MethodInput<M>) => Promise<CoreResult<MethodOutput<M>>>;
};

/** What createCore returns: the API plus lifecycle and the event stream, which hosts forward. */
export interface Core extends CoreApi {
  subscribe(listener: CoreEventListener): () => void;
  close(): void;
}
