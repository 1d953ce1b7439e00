/**
 * The one place the Jitsi release is pinned. `stable-11146` is a docker-jitsi-meet release tag (git tag
 * stable-11146, commit f935a946, which also removed the deprecated Colibri WebSockets); the four official
 * images are published for amd64 and arm64 under the same tag. Upgrading means changing this line, reading
 * the release notes, and deploying while no meeting runs (docs/jitsi-on-express.md).
 */
export const JITSI_IMAGE_TAG = 'stable-11146';

export type JitsiComponent = 'web' | 'prosody' | 'jicofo' | 'jvb';

/** Docker Hub image of one component at the pinned tag. */
export function jitsiImage(component: JitsiComponent): string {
  return `jitsi/${component}:${JITSI_IMAGE_TAG}`;
}
