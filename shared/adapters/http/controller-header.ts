/**
 * Every response the wake function produces carries this header, so anything in front of or behind the
 * CloudFront failover (the readiness probe above all) can tell our own waiting page from Jitsi's answer.
 */
export const CONTROLLER_HEADER = 'x-stz-controller';
export const CONTROLLER_HEADER_VALUE = '1';
