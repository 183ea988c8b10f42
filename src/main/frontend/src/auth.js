// Signing in: with API security on, the app is a public OAuth client (authorization code with PKCE) of the
// service's token issuer and sends the access token with every call; in the local run security is off.
import { UserManager, WebStorageStateStore } from 'oidc-client-ts';

let manager = null;
let user = null;

export function accessToken() {
  return user && !user.expired ? user.access_token : null;
}

/** Starts sign-in as the settings say; resolves to true when the app may call the API. */
export async function initAuth(signIn, accountElement) {
  if (!signIn?.enabled) return true;
  if (!signIn.issuerUri || !signIn.clientId) {
    accountElement.textContent = 'Sign-in is not configured (COLLECTION_SECURITY_WEB_CLIENT_ID)';
    return false;
  }
  manager = new UserManager({
    authority: signIn.issuerUri,
    client_id: signIn.clientId,
    redirect_uri: `${window.location.origin}/`,
    post_logout_redirect_uri: `${window.location.origin}/`,
    response_type: 'code',
    scope: signIn.scopes,
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
  const query = new URLSearchParams(window.location.search);
  if (query.has('code') && query.has('state')) {
    user = await manager.signinRedirectCallback();
    const hash = user.state || '#/';
    window.history.replaceState({}, '', `/${hash}`);
  } else {
    user = await manager.getUser();
  }
  manager.events.addUserLoaded((loaded) => { user = loaded; });
  accountElement.replaceChildren();
  const button = document.createElement('button');
  if (accessToken()) {
    button.textContent = `Sign out ${user.profile?.preferred_username || ''}`.trim();
    button.onclick = () => manager.signoutRedirect();
    accountElement.append(button);
    return true;
  }
  button.textContent = 'Sign in';
  button.onclick = () => manager.signinRedirect({ state: window.location.hash });
  accountElement.append(button);
  return false;
}
