import type { z } from 'zod';
import { CrossingPageSchema, CrossingSchema, ListCrossingsInputSchema, RecordCrossingInputSchema } from './crossing';
import type { CoreResult } from './errors';
import type { CoreEventListener } from './events';
import type { CoreMethodName } from './method-names';
import { ScanInputSchema, ScanResultSchema } from './scan';
import { GetStatusInputSchema, StatusSchema } from './status';

/** Every CoreApi method with the zod schemas of its input and output: the single source of the contract. */
export const coreMethods = {
  scan: { input: ScanInputSchema, output: ScanResultSchema },
  recordCrossing: { input: RecordCrossingInputSchema, output: CrossingSchema },
  listCrossings: { input: ListCrossingsInputSchema, output: CrossingPageSchema },
  getStatus: { input: GetStatusInputSchema, output: StatusSchema },
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
