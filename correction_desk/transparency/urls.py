"""The log and Memento at stable addresses, outside any language prefix:

path("transparency/", include("correction_desk.transparency.urls")),
"""

from django.urls import path

from correction_desk.transparency import api, memento

app_name = "correction_desk_log"

urlpatterns = [
    path("checkpoint", api.checkpoint, name="checkpoint"),
    path("checkpoint/<int:size>", api.checkpoint, name="checkpoint-at"),
    path("key", api.verifier_key, name="key"),
    path("get-entries", api.entries, name="entries"),
    path("get-proof-by-hash", api.inclusion_proof, name="inclusion-proof"),
    path("get-sth-consistency", api.consistency_proof, name="consistency-proof"),
    path("text/<int:index>", api.record_text, name="text"),
    path("memento/timegate/<str:model>/<str:pk>", memento.timegate, name="timegate"),
    path("memento/timemap/<str:model>/<str:pk>", memento.timemap, name="timemap"),
    path(
        "memento/<str:model>/<str:pk>/<str:revision>", memento.memento, name="memento"
    ),
]
