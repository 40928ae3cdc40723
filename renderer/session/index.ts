export { SessionProvider } from './SessionProvider';
export { useSession, useSignedInUser, type Session } from './session-context';
