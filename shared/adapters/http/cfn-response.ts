/** What a custom resource reports back to CloudFormation (the pre-signed ResponseURL contract). */
export interface CfnResponse {
  Status: 'SUCCESS' | 'FAILED';
  Reason?: string;
  PhysicalResourceId: string;
  StackId: string;
  RequestId: string;
  LogicalResourceId: string;
  Data?: Record<string, string>;
}

export type CfnResponder = (responseUrl: string, response: CfnResponse) => Promise<void>;

/**
 * PUT the response to the pre-signed S3 URL. The signature covers no content type, so none is sent
 * (an explicit empty Content-Type, as cfn-response does).
 */
export const putCfnResponse: CfnResponder = async (responseUrl, response) => {
  const body = JSON.stringify(response);
  const res = await fetch(responseUrl, { method: 'PUT', body, headers: { 'content-type': '' } });
  if (!res.ok) throw new Error(`CloudFormation response upload failed with HTTP ${res.status}`);
};
