import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DetectedDevice, ScannerAssignment, ScannerList } from '../../../shared/contract';
import { ScannerLight } from './ScannerLight';

const hex4 = (value: number | undefined): string => (value === undefined ? '—' : value.toString(16).padStart(4, '0'));

/** `onPick` absent: the person may look but not assign (a shift lead). */
export function DetectedDevices({ devices, onPick }: { devices: ScannerList['devices']; onPick?: (device: DetectedDevice) => void }) {
  const { t } = useTranslation('scanners');
  if (devices.length === 0) return <p className="scanners__note">{t('noDevices')}</p>;
  return (
    <table data-testid="detected-devices">
      <thead>
        <tr>
          <th>{t('device')}</th>
          <th>{t('usbId')}</th>
          <th>{t('usagePage')}</th>
          <th>{t('looksLike')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {devices.map((device) => (
          <tr key={device.deviceId} data-testid="detected-device">
            <td>
              {device.name}
              <div className="scanners__mono">{device.path ?? device.deviceId}</div>
            </td>
            <td className="scanners__mono">{device.vendorId === undefined ? '—' : `${hex4(device.vendorId)}:${hex4(device.productId)}`}</td>
            <td className="scanners__mono">{device.usagePage === undefined ? '—' : `0x${device.usagePage.toString(16).toUpperCase()}`}</td>
            <td>{device.suggestedKind ? t(`kindWord.${device.suggestedKind}`) : t('other')}</td>
            <td>
              {device.assigned ? (
                t('inUse')
              ) : (
                onPick && (
                  <button type="button" className="scanners__small-button" onClick={() => onPick(device)} data-testid="pick-device">
                    {t('useOnLane')}
                  </button>
                )
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function decoderSummary(t: TFunction<'scanners'>, assignment: ScannerAssignment): string {
  switch (assignment.kind) {
    case 'hid-keyboard':
      return t('summaryKeyboard', { layout: assignment.layout.toUpperCase() });
    case 'hid-pos':
      return t('summaryPos', { format: assignment.format });
    case 'serial':
      return t('summarySerial', { path: assignment.path, baud: assignment.baudRate, framing: assignment.framing });
  }
}

export function ConfiguredScanners({ configured, onRemove }: { configured: ScannerList['configured']; onRemove?: (deviceId: string) => void }) {
  const { t } = useTranslation('scanners');
  if (configured.length === 0) return <p className="scanners__note">{t('noneConfigured')}</p>;
  return (
    <table data-testid="configured-scanners">
      <thead>
        <tr>
          <th>{t('lane')}</th>
          <th>{t('scanner')}</th>
          <th>{t('decoder')}</th>
          <th>{t('status')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {configured.map(({ deviceId, assignment, status }) => (
          <tr key={deviceId} data-testid="configured-scanner">
            <td>{assignment.lane}</td>
            <td>{status.label}</td>
            <td>{decoderSummary(t, assignment)}</td>
            <td>
              <ScannerLight status={status} showLabel={false} />
              <div className="scanners__note">{status.message}</div>
            </td>
            <td>
              {onRemove && (
                <button type="button" className="scanners__small-button" onClick={() => onRemove(deviceId)}>
                  {t('remove')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
