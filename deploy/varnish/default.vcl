# Varnish in front of the newsroom's app servers (README, "An HTTP cache in
# front"). Start it with, for example:
#
#   varnishd -a :80 -f /path/to/deploy/varnish/default.vcl -s malloc,256m
#
# and set NEWSROOM_VARNISH_URLS=http://<this machine>:80 on the app servers.
# Edit the backends and the purgers below; the rules are in newsroom.vcl.
vcl 4.1;

import directors;

backend app1 {
    .host = "127.0.0.1";
    .port = "8000";
    # Asked every 5 s; a server that fails 3 of 5 gets no requests until it
    # answers again. The host must be one of DJANGO_ALLOWED_HOSTS.
    .probe = {
        .request = "GET /robots.txt HTTP/1.1"
                   "Host: news.example.org"
                   "Connection: close";
        .interval = 5s;
        .timeout = 2s;
        .window = 5;
        .threshold = 3;
    }
}

# Add one backend per app server, and list it in vcl_init.
# backend app2 { .host = "10.0.0.12"; .port = "8000"; }

# Who may send PURGE: the app servers and their task workers.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(app1);
}

sub vcl_recv {
    set req.backend_hint = app.backend();
}

include "./newsroom.vcl";
