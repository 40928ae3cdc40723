export { httpTransport, type BundleTransport, type PushOutcome, type PushRequest } from './http-transport';
