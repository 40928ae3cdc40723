export { httpHubClient, readPackageFiles, type HubAnswer, type HubClient, type HubRequest } from './hub-client';
