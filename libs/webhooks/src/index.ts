export * from './signing';
export * from './destination-guard';
export * from './retry-schedule';
export * from './response-excerpt';
export { parseCidr, parseIpAddress, cidrContains, type CidrRange, type IpAddress, type IpVersion } from './ip-address';
