import { useTranslation } from 'react-i18next';
import { useState, type FormEvent } from 'react';
import {
  DEFAULT_LANE,
  HID_POS_FORMAT_IDS,
  KEYBOARD_LAYOUT_IDS,
  SERIAL_BAUD_RATES,
  SERIAL_FRAMINGS,
  type DetectedDevice,
  type ScannerAssignmentInput,
} from '../../../shared/contract';

/** What the form starts from: a detected device, or a serial port typed by hand. */
export type AssignmentDraft = { readonly device: DetectedDevice } | { readonly serialPath: string };

function initial(draft: AssignmentDraft): ScannerAssignmentInput {
  if ('serialPath' in draft) return { kind: 'serial', lane: DEFAULT_LANE, path: draft.serialPath, baudRate: 9600, framing: 'lines' };
  const { device } = draft;
  if (device.transport === 'serial') return { kind: 'serial', lane: DEFAULT_LANE, path: device.path ?? '', baudRate: 9600, framing: 'lines' };
  const match = {
    vendorId: device.vendorId ?? 0,
    productId: device.productId ?? 0,
    ...(device.serialNumber ? { serialNumber: device.serialNumber } : {}),
    ...(device.usagePage === undefined ? {} : { usagePage: device.usagePage }),
    ...(device.interface === undefined ? {} : { interface: device.interface }),
  };
  return device.suggestedKind === 'hid-pos'
    ? { kind: 'hid-pos', lane: DEFAULT_LANE, device: match, format: 'honeywell64' }
    : { kind: 'hid-keyboard', lane: DEFAULT_LANE, device: match, layout: 'us' };
}

/** Picks a device for a lane with its decoder settings. */
export function AssignmentForm({ draft, onSave, onCancel }: { draft: AssignmentDraft; onSave: (assignment: ScannerAssignmentInput) => void; onCancel: () => void }) {
  const { t } = useTranslation('scanners');
  const [value, setValue] = useState<ScannerAssignmentInput>(() => initial(draft));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(value);
  };
  const hid = value.kind !== 'serial' ? value : undefined;
  return (
    <form className="scanners__form" onSubmit={submit} data-testid="assignment-form">
      <label>
        {t('lane')}
        <input value={value.lane ?? DEFAULT_LANE} onChange={(e) => setValue({ ...value, lane: e.target.value })} data-testid="assignment-lane" />
      </label>
      <label>
        {t('name')}
        <input value={value.label ?? ''} placeholder={t('namePlaceholder')} onChange={(e) => setValue({ ...value, label: e.target.value })} />
      </label>
      {hid && (
        <label>
          {t('decoder')}
          <select
            value={hid.kind}
            data-testid="assignment-kind"
            onChange={(e) =>
              setValue(
                e.target.value === 'hid-pos'
                  ? { kind: 'hid-pos', lane: hid.lane, label: hid.label, device: hid.device, format: 'honeywell64' }
                  : { kind: 'hid-keyboard', lane: hid.lane, label: hid.label, device: hid.device, layout: 'us' },
              )
            }
          >
            <option value="hid-keyboard">{t('kind.hid-keyboard')}</option>
            <option value="hid-pos">{t('kind.hid-pos')}</option>
          </select>
        </label>
      )}
      {value.kind === 'hid-keyboard' && (
        <label>
          {t('layoutLabel')}
          <select value={value.layout ?? 'us'} onChange={(e) => setValue({ ...value, layout: e.target.value as typeof value.layout })}>
            {KEYBOARD_LAYOUT_IDS.map((id) => (
              <option key={id} value={id}>
                {t(`layout.${id}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {value.kind === 'hid-pos' && (
        <label>
          {t('reportFormat')}
          <select value={value.format ?? 'honeywell64'} onChange={(e) => setValue({ ...value, format: e.target.value as typeof value.format })}>
            {HID_POS_FORMAT_IDS.map((id) => (
              <option key={id} value={id}>
                {t(`format.${id}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {value.kind === 'serial' && (
        <>
          <label>
            {t('port')}
            <input value={value.path} onChange={(e) => setValue({ ...value, path: e.target.value })} data-testid="assignment-path" />
          </label>
          <label>
            {t('baud')}
            <select value={value.baudRate ?? 9600} onChange={(e) => setValue({ ...value, baudRate: Number(e.target.value) })}>
              {SERIAL_BAUD_RATES.map((rate) => (
                <option key={rate} value={rate}>
                  {rate}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('framingLabel')}
            <select value={value.framing ?? 'lines'} onChange={(e) => setValue({ ...value, framing: e.target.value as typeof value.framing })}>
              {SERIAL_FRAMINGS.map((framing) => (
                <option key={framing} value={framing}>
                  {t(`framing.${framing}`)}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      <button type="submit" className="scanners__small-button" data-testid="assignment-save">
        {t('useScanner')}
      </button>
      <button type="button" className="scanners__small-button" onClick={onCancel}>
        {t('cancel')}
      </button>
    </form>
  );
}
