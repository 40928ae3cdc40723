/**
 * Every sentence the core says when a call fails, by stable key, in English with `{{name}}` slots. The
 * core sends `key` + `params` with each error (and this English text as `message`, for logs and the CLI);
 * screens translate the key (`errors` namespace of each locale, checked against this table by a test).
 *
 * Params with these names carry codes the screen translates too: `role`, `roles` (comma-separated role
 * codes), `outcome`, `end` (entry/exit), `status` (of an alert), `stage` (of a bus group); `until` is an
 * ISO instant shown as a time in the station's zone.
 */
export const ERROR_MESSAGES = {
  'core.closing': 'The station core is shutting down.',
  'core.invalidResult': '{{method}} produced an invalid result; nothing was changed on screen. Please report this.',
  'core.unexpected': 'Unexpected error in {{method}}: {{detail}}',
  'core.invalidInput': 'The form has a value the station cannot take ({{field}}).',
  'storage.full': 'The disk is full: nothing was saved. Free space on the station disk, then try again.',
  'storage.readOnly': 'The data folder is read-only: nothing was saved. Check the disk, then try again.',
  'storage.busy': 'The database is busy: nothing was saved. Try again.',
  'storage.other': 'The station database could not complete the operation ({{detail}}): nothing was saved.',

  'access.setupRequired': 'This station is not set up yet: an administrator must complete the first-run setup.',
  'access.setupDone': 'This station is already set up. Sign in instead.',
  'access.signInRequired': 'Sign in first: enter your user name and PIN.',
  'access.notInTable': 'No one may call {{method}}: it is not in the permission table.',
  'access.forbidden': 'Signed in as {{role}}, you may not do this ({{method}}); it needs: {{roles}}.',
  'access.noOne': 'Signed in as {{role}}, you may not do this ({{method}}).',

  'auth.wrongPin': 'Unknown user name or wrong PIN.',
  'auth.wrongPinTriesLeft': 'Unknown user name or wrong PIN. Tries left before the account locks: {{left}}.',
  'auth.locked': 'Too many wrong PINs: {{user}} is locked until {{until}}. A shift lead or an administrator can unlock it now.',
  'auth.lockedNow': 'Wrong PIN {{attempts}} times: {{user}} is locked until {{until}}. A shift lead or an administrator can unlock it now.',
  'auth.stationWait': 'Too many wrong sign-ins at this station: wait {{seconds}} s, then try again.',
  'auth.pinDigitsOnly': 'A PIN is digits only.',
  'auth.pinLength': 'A PIN has {{min}} to {{max}} digits.',
  'auth.pinTooEasy': 'This PIN is too easy to guess (repeated or consecutive digits).',
  'auth.userNameTaken': 'The user name {{user}} is taken.',
  'auth.userNotSaved': 'The user was not saved.',
  'auth.noSuchUser': 'There is no such user.',
  'auth.notAPublicKey': 'This is not an Ed25519 public key as the other station shows it (base64).',
  'auth.ownKey': 'That is this station’s own key.',
  'auth.checkpointMissing': 'Checkpoint {{checkpoint}} is not configured on this station; add it first.',
  'auth.keyBelongsToOther': 'This key already belongs to station {{station}}.',
  'auth.newPinRequired': 'Your PIN was reset by an administrator: choose a new PIN of your own to sign in.',
  'auth.newPinSame': 'The new PIN must differ from the one you were given.',
  'auth.lastAdmin': 'This is the station’s last active administrator: make another user an administrator first.',
  'auth.notYourself': 'You cannot disable your own account.',
  'setup.alreadyDone': 'This station is already set up. Sign in instead.',
  'setup.justDone': 'This station was set up a moment ago. Sign in instead.',
  'setup.stationIdFixed': 'The station id cannot change once crossings are recorded under it.',
  'session.required': 'Sign in first.',
  'preferences.signInFirst': 'Sign in first: preferences belong to the person signed in.',

  'crossing.noSuchCrossing': 'There is no such crossing.',
  'crossing.recordedElsewhere': 'This crossing was recorded at {{station}}; it can only be overridden there.',
  'crossing.sameOutcome': 'The outcome already is {{outcome}}.',
  'crossing.vanished': 'The crossing vanished while it was overridden.',
  'crossing.scanGone': 'This scan is no longer available (scans are kept 15 minutes and not across a restart). Scan the document again.',
  'crossing.scanExpired': 'This scan is older than 15 minutes. Scan the document again so the decision is current.',
  'crossing.noTraveller': 'This scan does not identify a traveller, so it cannot be recorded. Scan the passport.',
  'crossing.groupGone': 'The selected bus group does not exist on this station. Choose the group again.',
  'crossing.wrongDirection': 'This station is the {{end}} end of {{corridor}}: only {{end}} crossings are recorded here.',
  'crossing.recordedAlready': 'This traveller is recorded already: amend that crossing with the evidence instead of recording a second one.',
  'crossing.fromAfterTo': '"From" must not be later than "to".',

  'crossing.authoriserRole': '{{person}} is not a consular officer or shift lead: only they can let a traveller cross despite the outcome.',
  'crossing.correctedElsewhere': 'This crossing was recorded at {{station}}; it can only be corrected there.',
  'crossing.noSuchCrossingHere': 'There is no such crossing on this station.',
  'crossing.correctionVanished': 'The crossing vanished while it was corrected.',
  'crossing.amendScanGone': 'That scan is no longer available. Scan the passport and the certificate again, then amend.',
  'crossing.amendOtherPassport': 'The scan is of another passport than this crossing: nothing was changed.',
  'crossing.letThroughOrCancel': 'A traveller is either let through or cancelled, not both.',
  'crossing.okNeedsNoOverride': 'The outcome is OK: record the crossing with Enter, no override is needed.',
  'correction.notYours': 'You can amend only crossings you recorded yourself; a shift lead can amend this one.',
  'correction.notYourLast': 'You can amend only the last crossing you recorded; a shift lead can amend this one.',
  'correction.windowPassed': 'The time to amend this crossing yourself has passed; a shift lead can amend it.',
  'correction.cancelled': 'This crossing was voided; it stays voided. Scan the traveller again to record them.',
  'correction.noChange': 'That is already how this crossing stands: nothing was changed.',
  'correction.notHeldOrRefused': 'Only a held or refused traveller can be admitted or refused here.',
  'correction.authoriserRole': 'Only a consular officer or a shift lead can let a traveller cross despite the outcome.',
  'correction.authoriserIsOperator': 'A second person confirms an override: the consular officer or shift lead enters their own name and PIN.',

  'retention.clockBehind': 'Nothing was purged: the station clock is earlier than the newest crossing. Set the clock right, then try again.',
  'retention.clockAhead':
    'Nothing was purged: the station clock is more than a day past the newest crossing. Set the clock right (or record a crossing at the right time), then try again.',
  'retention.confirmErase': 'Saving this period erases the personal data of {{count}} crossings now: confirm that number to save it.',
  'retention.confirmUnexported': 'There are {{count}} crossings past the period that no bundle holds: confirm that number to erase them.',
  'export.period': 'The period cannot be exported: {{detail}}',
  'export.folderNotAbsolute': 'Give the whole path of the folder (for example /media/usb or E:\\), not "{{folder}}".',
  'export.folderMissing': 'The folder {{folder}} does not exist. Plug in the USB stick and check the path.',
  'export.noDestination': 'No central system is configured: choose a folder to export to.',
  'export.running': 'An export is already running. Wait for it to finish.',
  'export.auditMismatch': 'No bundle was signed: {{count}} records do not match the audit trail (first: {{first}}). Run "checkpoint db check" and call the administrator.',
  'export.diskFull': 'The USB stick (or disk) is full: no bundle was written. Free some space, then export again.',
  'export.notWritable': 'The folder {{folder}} cannot be written to ({{detail}}): no bundle was written.',
  'export.badTimeZone': '"{{zone}}" is not a time zone name; use one such as Asia/Tashkent or Europe/Berlin.',
  'export.badHubKey': 'The hub public key is not an Ed25519 public key (paste the hubPublicKey that "checkpoint-central station add" printed).',
  'export.badCentralUrl': 'The central system address cannot be used: {{detail}}',

  'trustList.keyProblem': '{{detail}}. Fix the key in the station’s data folder, then import again.',
  'trustList.notImported': 'The trust list was not imported: {{detail}}. The current list ({{certificates}} certificates from {{source}}, imported {{date}}) is unchanged.',
  'trustList.notImportedNoList': 'The trust list was not imported: {{detail}}. The station still has no trust list.',

  'corridor.notSaved': 'The corridor was not saved.',
  'corridor.checkpointMissing': 'Checkpoint {{checkpoint}} is not configured on this station; add it before the corridor.',
  'rules.noProfile': 'There is no rule profile "{{profile}}".',
  'rules.noVersion': 'Rule profile "{{profile}}" has no version {{version}}.',
  'rules.savedMeanwhile': 'Rule profile "{{profile}}" is at version {{version}} now; someone saved it meanwhile. Reload it and apply your change again.',

  'rules.businessNotImported': 'The business rules were not imported: {{detail}}. The rules in use are unchanged.',
  'revocation.notImported': 'The revocation list was not imported: {{detail}}. The list in use is unchanged.',
  'rules.businessUnreadable': 'The stored business rules (version {{version}}) cannot be read: {{detail}}. Import them again.',

  'alert.noSuchAlert': 'There is no such alert.',
  'alert.notOpen': 'This alert is already {{status}}.',
  'alert.vanished': 'The alert vanished while it was acknowledged.',

  'group.noSuchGroup': 'There is no such bus group on this station.',
  'group.corridorMissing': 'The group’s corridor {{corridor}} is not configured on this station.',
  'group.noActiveCorridor': 'There is no active corridor {{corridor}} on this station.',
  'group.manifestUnreadable': 'The manifest cannot be read: {{detail}}',
  'group.manifestEmpty': 'No traveller could be read from {{file}}: {{detail}}',
  'group.manifestNoLines': 'No traveller could be read from {{file}}: the sheet has no lines.',
  'group.wrongEnd': 'This station is the {{end}} end of the corridor: a bus is marked {{stage}} at the other end.',
  'group.notMarked': 'This group is not marked {{stage}}: nothing to undo.',
  'group.alreadyMarked': 'This group was already marked {{stage}}.',
  'groupFile.notJson': 'This is not a group file: it is not JSON. Choose the .cpgroup.json file exported at the other end.',
  'groupFile.notSigned': 'This is not a signed group file from a Checkpoint Station.',
  'groupFile.keyMismatch': 'The group file names a signing key that does not match its fingerprint: the file is damaged or forged.',
  'groupFile.changed': 'The group file was changed after it was signed (or is damaged): it was not imported. Ask the other end for a new copy.',
  'groupFile.unknownForm': 'The group file is signed but not in a form this station reads ({{detail}}).',
  'groupFile.ownFile': 'This group file was exported by this station; import it at the other end of the corridor.',
  'groupFile.untrusted': 'The group file is signed by station {{station}} (key {{key}} …), which this station does not trust. An administrator adds that station under trusted stations first.',
  'groupFile.wrongSigner': 'The group file says it comes from {{station}} but is signed with the key of {{signer}}; it was not imported.',
  'groupFile.corridorMissing': 'This group travels on corridor {{corridor}}, which is not configured on this station. An administrator adds it first.',
  'groupFile.corridorDiffers': 'Corridor {{corridor}} has different checkpoints here than at {{station}}; an administrator must make them agree.',
  'groupFile.groupOnOtherCorridor': 'A group with this id exists here on another corridor; the file was not imported.',

  'package.noHubKey': 'Packages from the hub are checked with its public key: enter the hub key on the Export screen (Central system) first. Nothing was applied.',
  'package.unreadable': 'The packages could not be read: {{detail}}. Nothing was applied.',
  'package.malformed': '{{name}} is not a package signed by a hub: it was not applied.',
  'package.wrongHub': 'Package {{seq}} is signed by another hub than the one configured here: it was not applied.',
  'package.signatureInvalid': 'Package {{seq}} does not match the hub’s signature (changed after signing, or forged): it was not applied.',
  'package.contentMismatch': 'The content of package {{seq}} does not match its hash: it was not applied.',
  'package.notForThisStation': 'Package {{seq}} is addressed to another station or corridor: it was not applied.',
  'package.replayed': 'Package {{seq}} is not newer than package {{cursor}}, applied here already: an old package sent again is not applied.',
  'package.ruleProfileInvalid': 'Package {{name}} holds no rule profile or business rule file this station can use ({{detail}}).',
  'package.stationKeysInvalid': 'Package {{name}} is not a registry of station keys ({{detail}}).',
  'package.corridorInvalid': 'Package {{name}} is not a corridor from the hub ({{detail}}).',
  'package.busManifestInvalid': 'Package {{name}} is not a bus manifest for this station ({{detail}}).',
  'hub.notConfigured': 'No central hub is configured: enter its address, the station credential and the hub key on the Export screen first.',
  'hub.unanswered': 'The hub did not give the packages ({{code}}): {{detail}}. The station tries again later.',
} as const;

export type ErrorKey = keyof typeof ERROR_MESSAGES;
export type ErrorParams = Readonly<Record<string, string | number>>;

/** The English sentence for a key, slots filled (a missing value stays visible as `{{name}}`). */
export function errorMessage(key: ErrorKey, params: ErrorParams = {}): string {
  return ERROR_MESSAGES[key].replace(/\{\{(\w+)\}\}/g, (slot, name: string) => (params[name] === undefined ? slot : String(params[name])));
}
