/**
 * User agents (matched case-insensitively) of link unfurlers, mail scanners and crawlers. In-app browsers
 * (LINE, KakaoTalk, Teams) are real people and are deliberately not listed. Matches get the page without its script, so even a
 * previewer that runs JavaScript cannot send the wake POST. GET never wakes in any case (invariant 1).
 */
const PREVIEWERS = new RegExp([
  'bot\\b', 'bot/', 'crawler', 'spider', 'slurp', 'facebookexternalhit', 'facebookcatalog', 'meta-externalagent',
  'slackbot', 'slack-imgproxy', 'discordbot', 'whatsapp', 'telegrambot', 'skypeuripreview', 'microsoftpreview',
  'ms office', 'microsoft office', 'linkedinbot', 'pinterest', 'redditbot', 'embedly', 'iframely', 'vkshare',
  'viber', 'mattermost', 'rocket\\.chat', 'zulip', 'google-pagerenderer', 'googleother', 'applebot', 'bingpreview',
  'preview', 'unfurl', 'headlesschrome/.*lighthouse', 'curl/', 'wget/', 'python-requests', 'go-http-client', 'okhttp',
  'proofpoint', 'mimecast', 'barracuda', 'safelinks', 'urldefense', 'scanner',
].join('|'), 'i');

export function isLinkPreviewer(userAgent: string | undefined): boolean {
  if (!userAgent) return true;
  return PREVIEWERS.test(userAgent);
}
