/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "tauri-app-private.h"
#include "tauri-origin-private.h"
#include "tauri-window-private.h"

/*
 * Where a window's page may go. The window itself never leaves the app's
 * origin unless the app allowed it; a frame may show other sites, and its
 * links stay in the frame; links and window.open() to other sites go to
 * the browser, when the user asked for them in the window's own document,
 * at most once a second.
 */

/* The browser is opened at most once in this long, whatever a page does. */
#define EXTERNAL_INTERVAL (G_TIME_SPAN_SECOND)

/* A navigation comes of an activation this recent. */
#define ACTIVATION_TIME (G_TIME_SPAN_SECOND)

/* The web process extension says, as the user clicks, whether in the
 * window's own document or in a frame of it: WebKit does not say which
 * frame a navigation comes from. */
void
_tauri_window_note_activation (TauriWindow *self,
                               gboolean     main_frame)
{
  TauriWindowPolicy *policy = _tauri_window_get_policy (self);

  policy->activation_time = g_get_monotonic_time ();
  policy->activation_in_main_frame = main_frame;
  policy->activations_known = TRUE;
}

/* Whether @action, a navigation of the page to a site it may not show,
 * comes from a frame of another origin than the window's document: the
 * user's last activation was in a frame, or, without the web process
 * extension to say, the request's Referer names another origin. */
static gboolean
comes_from_frame (TauriWindow            *self,
                  WebKitNavigationAction *action)
{
  TauriWindowPolicy *policy = _tauri_window_get_policy (self);
  WebKitURIRequest *request = webkit_navigation_action_get_request (action);
  SoupMessageHeaders *headers = webkit_uri_request_get_http_headers (request);
  const char *referer = headers ? soup_message_headers_get_one (headers, "Referer") : NULL;

  if (policy->activations_known && g_get_monotonic_time () - policy->activation_time < ACTIVATION_TIME)
    return !policy->activation_in_main_frame;

  return referer != NULL &&
         !_tauri_origin_equal (referer, _tauri_bridge_get_committed_uri (_tauri_window_get_bridge (self)));
}

/* Whether @action may open the browser: the user did it, in the window's
 * own document (the app's, or a remote page a capability names), and the
 * browser was not opened a moment ago. */
static gboolean
may_open_external (TauriWindow            *self,
                   WebKitNavigationAction *action,
                   const char             *uri)
{
  TauriWindowPolicy *policy = _tauri_window_get_policy (self);
  gint64 now = g_get_monotonic_time ();
  const char *why = NULL;

  if (!webkit_navigation_action_is_user_gesture (action))
    why = "the user did not ask for it";
  else if (!_tauri_bridge_document_may_call (_tauri_window_get_bridge (self)))
    why = "the page showing is not the app’s";
  else if (policy->last_external != 0 && now - policy->last_external < EXTERNAL_INTERVAL)
    why = "the browser was opened a moment ago";

  if (why != NULL)
    {
      g_message ("Window “%s” did not open %s in the browser: %s", tauri_window_get_label (self), uri, why);
      return FALSE;
    }

  policy->last_external = now;
  return TRUE;
}

/* Links and window.open() to other sites go to the browser, when the user
 * asked for them in the window's own document; a frame's links stay in the
 * frame. The window never leaves the app's origin unless the app allowed
 * it. */
static gboolean
decide_policy_cb (WebKitWebView            *web_view,
                  WebKitPolicyDecision     *decision,
                  WebKitPolicyDecisionType  type,
                  TauriWindow              *self)
{
  TauriApp *app = tauri_window_get_app (self);
  WebKitNavigationAction *action;
  const char *uri;

  if (app == NULL)
    return FALSE;

  switch (type)
    {
    case WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION:
      action = webkit_navigation_policy_decision_get_navigation_action (WEBKIT_NAVIGATION_POLICY_DECISION (decision));
      uri = webkit_uri_request_get_uri (webkit_navigation_action_get_request (action));
      if (webkit_navigation_action_get_navigation_type (action) != WEBKIT_NAVIGATION_TYPE_LINK_CLICKED ||
          _tauri_app_may_navigate (app, uri) || comes_from_frame (self, action))
        return FALSE;
      if (may_open_external (self, action, uri))
        _tauri_app_open_external (app, uri);
      webkit_policy_decision_ignore (decision);
      return TRUE;

    case WEBKIT_POLICY_DECISION_TYPE_NEW_WINDOW_ACTION:
      action = webkit_navigation_policy_decision_get_navigation_action (WEBKIT_NAVIGATION_POLICY_DECISION (decision));
      uri = webkit_uri_request_get_uri (webkit_navigation_action_get_request (action));
      if (!_tauri_app_is_trusted_uri (app, uri) && !comes_from_frame (self, action) &&
          may_open_external (self, action, uri))
        _tauri_app_open_external (app, uri);
      webkit_policy_decision_ignore (decision);
      return TRUE;

    case WEBKIT_POLICY_DECISION_TYPE_RESPONSE:
      /* Frames may show other sites, which never reach the bridge; the
       * window itself may not. */
      if (!webkit_response_policy_decision_is_main_frame_main_resource (WEBKIT_RESPONSE_POLICY_DECISION (decision)))
        return FALSE;
      uri = webkit_uri_request_get_uri (webkit_response_policy_decision_get_request (WEBKIT_RESPONSE_POLICY_DECISION (decision)));
      if (_tauri_app_may_navigate (app, uri))
        {
          _tauri_bridge_prepare_page (_tauri_window_get_bridge (self), uri);
          return FALSE;
        }
      g_message ("Window “%s” refused to show %s: not the app’s origin", tauri_window_get_label (self), uri);
      webkit_policy_decision_ignore (decision);
      return TRUE;

    default:
      return FALSE;
    }
}

/* Decides, for @web_view of @self, where its page may go. */
void
_tauri_window_policy_watch (TauriWindow   *self,
                            WebKitWebView *web_view)
{
  g_assert (TAURI_IS_WINDOW (self));
  g_assert (WEBKIT_IS_WEB_VIEW (web_view));

  g_signal_connect_object (web_view, "decide-policy", G_CALLBACK (decide_policy_cb), self, 0);
}
