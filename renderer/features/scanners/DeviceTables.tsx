import type { DetectedDevice, ScannerAssignment, ScannerList } from '../../../shared/contract';
import { ScannerLight } from './ScannerLight';

const hex4 = (value: number | undefined): string => (value === undefined ? '—' : value.toString(16).padStart(4, '0'));
const KIND_WORDS = { 'hid-keyboard': 'keyboard', 'hid-pos': 'HID POS', serial: 'serial reader' } as const;

export function DetectedDevices({ devices, onPick }: { devices: ScannerList['devices']; onPick: (device: DetectedDevice) => void }) {
  if (devices.length === 0) return <p className="scanners__note">No devices detected.</p>;
  return (
    <table data-testid="detected-devices">
      <thead>
        <tr>
          <th>Device</th>
          <th>USB id</th>
          <th>Usage page</th>
          <th>Looks like</th>
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
            <td>{device.suggestedKind ? KIND_WORDS[device.suggestedKind] : 'other'}</td>
            <td>
              {device.assigned ? (
                'in use'
              ) : (
                <button type="button" className="scanners__small-button" onClick={() => onPick(device)} data-testid="pick-device">
                  Use on a lane…
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function decoderSummary(assignment: ScannerAssignment): string {
  switch (assignment.kind) {
    case 'hid-keyboard':
      return `keyboard reports, ${assignment.layout.toUpperCase()} layout`;
    case 'hid-pos':
      return `HID POS, ${assignment.format}`;
    case 'serial':
      return `${assignment.path}, ${assignment.baudRate} baud, ${assignment.framing}`;
  }
}

export function ConfiguredScanners({ configured, onRemove }: { configured: ScannerList['configured']; onRemove: (deviceId: string) => void }) {
  if (configured.length === 0) return <p className="scanners__note">No scanner is configured. Keyboard-wedge scanners need none: they work on the lane as they are.</p>;
  return (
    <table data-testid="configured-scanners">
      <thead>
        <tr>
          <th>Lane</th>
          <th>Scanner</th>
          <th>Decoder</th>
          <th>Status</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {configured.map(({ deviceId, assignment, status }) => (
          <tr key={deviceId} data-testid="configured-scanner">
            <td>{assignment.lane}</td>
            <td>{status.label}</td>
            <td>{decoderSummary(assignment)}</td>
            <td>
              <ScannerLight status={status} showLabel={false} />
              <div className="scanners__note">{status.message}</div>
            </td>
            <td>
              <button type="button" className="scanners__small-button" onClick={() => onRemove(deviceId)}>
                Remove
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
