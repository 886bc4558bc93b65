# The newsroom's caching rules for Varnish 7 with xkey (Debian: varnish,
# varnish-modules). Included by default.vcl, which names the app servers and the
# addresses allowed to purge; tests/scaleout/test_varnish.py runs it for real.
#
# The app decides what may be cached: public pages say so in Cache-Control
# (s-maxage of hours) and name what they show in an xkey header. The service that
# changes an article, a note or the policy sends PURGE with those keys (pagecache/
# http_caches.py), so a cached page is dropped the moment it would be wrong.

import std;
import xkey;

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "xkey-purge header missing"));
        }
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.n-gone));
    }
    # The report form, the admin and everything else that writes goes through.
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # A signed-in editor sees drafts and the desk: never a shared copy, never
    # one kept for others. (Django's SESSION_COOKIE_NAME.)
    if (req.http.Cookie ~ "(^|;\s*)sessionid=" || req.http.Authorization) {
        return (pass);
    }
    if (req.url ~ "^/admin(/|$)") {
        return (pass);
    }
    # The app compresses with gzip; one variant for every browser that takes it.
    if (req.http.Accept-Encoding ~ "\bgzip\b") {
        set req.http.Accept-Encoding = "gzip";
    } else {
        unset req.http.Accept-Encoding;
    }
    # The order of query parameters does not change a page (the app parses them).
    set req.url = std.querysort(req.url);
    # Other cookies (e.g. the admin's CSRF token) do not change a public page;
    # the builtin rules would pass every request that has one.
    return (hash);
}

sub vcl_hash {
    # Pages link to themselves: http and https are different pages.
    hash_data(req.http.X-Forwarded-Proto);
}

sub vcl_backend_response {
    if (bereq.uncacheable) {
        return (deliver);
    }
    # Only what the app marks cacheable is kept: no Cache-Control (the status
    # page of a report, feeds, errors) means not for sharing.
    if (!beresp.http.Cache-Control
        || beresp.http.Cache-Control ~ "(private|no-cache|no-store)"
        || beresp.http.Set-Cookie) {
        set beresp.ttl = 120s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    if (beresp.http.xkey) {
        # Public pages depend on the address alone: unprefixed pages are German
        # whatever the browser asks for, and no cookie but the session changes
        # one (that case is passed above). Django's Vary would split the cache.
        set beresp.http.Vary = regsuball(beresp.http.Vary, "(?i)\s*,?\s*\b(Accept-Language|Cookie)\b", "");
        set beresp.http.Vary = regsub(beresp.http.Vary, "^\s*,\s*", "");
        if (beresp.http.Vary == "") {
            unset beresp.http.Vary;
        }
    }
    # Every change purges what it touches, so a page past its s-maxage is still
    # right: it is served at once while a fresh copy is fetched, or while the
    # app servers are down.
    set beresp.grace = 24h;
    return (deliver);
}

sub vcl_deliver {
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # Keys are for the cache, not for readers.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
}
