import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLastCertificateIssuedAt } from '../../features/lane/certificate-clock';
import { useFormat } from '../../i18n';
import { certificateAheadBy, ClockWatch, type ClockJump } from './clock-watch';

/** The station clock with a warning when it jumped or when a certificate was issued after "now". */
export function StationClock() {
  const { t } = useTranslation('status');
  const format = useFormat();
  const watch = useMemo(() => new ClockWatch(), []);
  const [now, setNow] = useState(() => new Date());
  const [jump, setJump] = useState<ClockJump | undefined>(undefined);
  const issuedAt = useLastCertificateIssuedAt();

  useEffect(() => {
    const tick = () => {
      const wallMs = Date.now();
      setJump(watch.tick({ wallMs, monoMs: performance.now() }));
      setNow(new Date(wallMs));
    };
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [watch]);

  const duration = (ms: number) => {
    const minutes = Math.round(Math.abs(ms) / 60_000);
    return minutes >= 60 ? t('durationHm', { hours: Math.floor(minutes / 60), minutes: minutes % 60 }) : t('durationM', { minutes });
  };
  const ahead = certificateAheadBy(issuedAt, now.getTime());
  return (
    <>
      {jump && (
        <span className="status-bar__clock-warning" role="alert" data-testid="clock-jumped">
          {t(jump.byMs > 0 ? 'clockJumpedForward' : 'clockJumpedBack', { amount: duration(jump.byMs) })}
        </span>
      )}
      {ahead !== undefined && (
        <span className="status-bar__clock-warning" role="alert" data-testid="clock-behind-certificate">
          {t('certificateAhead', { amount: duration(ahead) })}
        </span>
      )}
      <time className="status-bar__clock" dateTime={now.toISOString()} data-testid="station-clock">
        {format.timeWithSeconds(now)}
      </time>
    </>
  );
}
