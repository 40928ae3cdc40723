import { useTranslation } from 'react-i18next';
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { AddPaperCertificateInput } from '../../../shared/contract';
import { LAB_COUNTRY_TIME_ZONES } from '../../../shared/domain/evidence/lab-time';
import { readTypedDateTime } from '../../../shared/domain/typed-date';
import './evidence.css';

export type PaperCertificate = Omit<AddPaperCertificateInput, 'joinScanId' | 'direction' | 'corridorId'>;

const MAX_PHOTO_BYTES = 512 * 1024;

const LAB_COUNTRIES = Object.keys(LAB_COUNTRY_TIME_ZONES);

/** The lab country whose zone is this PC's (the station's), else the first: the operator picks the lab's own. */
function defaultLabCountry(): string {
  const here = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return LAB_COUNTRIES.find((country) => LAB_COUNTRY_TIME_ZONES[country] === here) ?? LAB_COUNTRIES[0] ?? 'UZ';
}

function countryName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Rejects with the `evidence:paper` key of the problem, for the form to translate. */
function readPhoto(file: File): Promise<PaperCertificate['photo']> {
  return new Promise((resolve, reject) => {
    if (file.type !== 'image/jpeg' && file.type !== 'image/png') return reject(new Error('photoType'));
    if (file.size > MAX_PHOTO_BYTES) return reject(new Error('photoSize'));
    const reader = new FileReader();
    reader.onload = () => resolve({ type: file.type as 'image/jpeg' | 'image/png', base64: String(reader.result).replace(/^data:[^,]*,/, '') });
    reader.onerror = () => reject(new Error('photoRead'));
    reader.readAsDataURL(file);
  });
}

/**
 * A paper lab certificate keyed in by the operator (F8), fields in the order they are read off the paper:
 * laboratory, certificate number, sample time and the lab's country (whose clock the time is on), test type, result;
 * optionally a photo of the paper. Enter
 * saves, Esc closes without touching the traveller on screen. The core judges it: without a rule that accepts paper it is at most a cross-check.
 */
export function PaperCertificateForm({ onSubmit, onClose, busy }: { onSubmit: (paper: PaperCertificate) => void; onClose: () => void; busy: boolean }) {
  const { t, i18n } = useTranslation('evidence');
  const id = useId();
  const [lab, setLab] = useState('');
  const [testType, setTestType] = useState<'pcr' | 'rat'>('pcr');
  const [sampleTime, setSampleTime] = useState('');
  const [labCountry, setLabCountry] = useState(defaultLabCountry);
  // The holder as printed (optional): compared with the passport like a DCC's holder.
  const [holderSurname, setHolderSurname] = useState('');
  const [holderGivenNames, setHolderGivenNames] = useState('');
  const [holderBirthDate, setHolderBirthDate] = useState('');
  const [result, setResult] = useState<'negative' | 'positive'>('negative');
  const [certificateNumber, setCertificateNumber] = useState('');
  const [photo, setPhoto] = useState<PaperCertificate['photo']>(undefined);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Checked here for the message; the core reads it on the lab's clock (the PC's zone is not the lab's).
    const sampled = readTypedDateTime(sampleTime);
    if (lab.trim().length < 2) return setProblem(t('paper.needLab'));
    if (certificateNumber.trim().length === 0) return setProblem(t('paper.needNumber'));
    if (!sampled) return setProblem(t('paper.needTime'));
    setProblem(null);
    const printed = (name: 'holderSurname' | 'holderGivenNames' | 'holderBirthDate', value: string) => (value.trim() ? { [name]: value.trim() } : {});
    onSubmit({
      ...printed('holderSurname', holderSurname),
      ...printed('holderGivenNames', holderGivenNames),
      ...printed('holderBirthDate', holderBirthDate),
      lab: lab.trim(), testType, sampleTimeAsPrinted: sampleTime.trim(), labCountry, result, certificateNumber: certificateNumber.trim(), ...(photo ? { photo } : {}) });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    // Only the form closes: the traveller stays on screen.
    event.stopPropagation();
    onClose();
  };

  return (
    <form className="paper-form" data-testid="paper-form" aria-labelledby={`${id}-title`} onSubmit={submit} onKeyDown={onKeyDown}>
      <header className="paper-form__header">
        <h2 id={`${id}-title`}>{t('paper.title')}</h2>
        <button type="button" className="button" onClick={onClose}>
          {t('paper.close')} <kbd>Esc</kbd>
        </button>
      </header>
      <div className="paper-form__grid">
        <label>
          {t('paper.lab')}
          <input data-testid="paper-lab" autoFocus value={lab} onChange={(e) => setLab(e.target.value)} autoComplete="off" />
        </label>
        <label>
          {t('paper.number')}
          <input data-testid="paper-number" value={certificateNumber} onChange={(e) => setCertificateNumber(e.target.value)} autoComplete="off" />
        </label>
        <label>
          {t('paper.sampleTime')}
          <input data-testid="paper-sample-time" value={sampleTime} placeholder={t('paper.sampleTimePlaceholder')} onChange={(e) => setSampleTime(e.target.value)} autoComplete="off" />
        </label>
        <label>
          {t('paper.labCountry')}
          <select data-testid="paper-lab-country" value={labCountry} onChange={(e) => setLabCountry(e.target.value)}>
            {LAB_COUNTRIES.map((code) => (
              <option key={code} value={code}>
                {countryName(code, i18n.language)} ({LAB_COUNTRY_TIME_ZONES[code]})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('paper.holderSurname')}
          <input data-testid="paper-holder-surname" value={holderSurname} onChange={(e) => setHolderSurname(e.target.value)} autoComplete="off" />
        </label>
        <label>
          {t('paper.holderGivenNames')}
          <input data-testid="paper-holder-given-names" value={holderGivenNames} onChange={(e) => setHolderGivenNames(e.target.value)} autoComplete="off" />
        </label>
        <label>
          {t('paper.holderBirthDate')}
          <input data-testid="paper-holder-birth-date" value={holderBirthDate} placeholder="14.04.1979" onChange={(e) => setHolderBirthDate(e.target.value)} autoComplete="off" />
        </label>
        <label>
          {t('paper.testType')}
          <select data-testid="paper-test-type" value={testType} onChange={(e) => setTestType(e.target.value as 'pcr' | 'rat')}>
            <option value="pcr">{t('paper.pcr')}</option>
            <option value="rat">{t('paper.rat')}</option>
          </select>
        </label>
        <label>
          {t('paper.result')}
          <select data-testid="paper-result" value={result} onChange={(e) => setResult(e.target.value as 'negative' | 'positive')}>
            <option value="negative">{t('paper.negative')}</option>
            <option value="positive">{t('paper.positive')}</option>
          </select>
        </label>
        <label>
          {t('paper.photo')}
          <input
            data-testid="paper-photo"
            type="file"
            accept="image/jpeg,image/png"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (!file) return setPhoto(undefined);
              readPhoto(file).then(
                (read) => {
                  setPhoto(read);
                  setProblem(null);
                },
                (error: Error) => setProblem(t(`paper.${error.message as 'photoType' | 'photoSize' | 'photoRead'}`)),
              );
            }}
          />
        </label>
      </div>
      {problem && (
        <p className="paper-form__problem" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="button button--primary" data-testid="paper-submit" disabled={busy}>
        {t('paper.submit')} <kbd>Enter</kbd>
      </button>
    </form>
  );
}
