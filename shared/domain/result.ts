/** Errors are values (STYLE.md): every fallible domain function returns a Result. */
export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err<E> = { readonly ok: false; readonly error: E };
export type Result<T, E> = Ok<T> | Err<E>;

/** A failure a person can read: a stable machine code plus an English message (translated at the UI edge). */
export interface Problem<C extends string = string> {
  readonly code: C;
  readonly message: string;
}

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <E>(error: E): Err<E> => ({ ok: false, error });
