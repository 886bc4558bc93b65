from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from correction_desk.transparency import keys, log
from correction_desk.transparency.signed_note import BadKey, Signer


class Command(BaseCommand):
    help = gettext_lazy(
        "The transparency log: 'catch-up' appends what is public and not yet "
        "logged, then signs (run it every few minutes, and once when the log "
        "starts); 'sign' signs what waits; 'status' says how far the log is "
        "signed; 'keygen NAME' prints a new signing key."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["catch-up", "sign", "status", "keygen"])
        parser.add_argument(
            "name", nargs="?", help=gettext_lazy("the key's name (keygen)")
        )

    def handle(self, *args, action, name=None, **options):
        if action == "keygen":
            try:
                signer = Signer.generate(name or keys.origin())
            except BadKey as error:
                raise CommandError(str(error)) from None
            self.stdout.write(signer.private_text())
            self.stderr.write(
                _("Verifier key: %(key)s") % {"key": signer.verifier_text()}
            )
            return
        if action == "catch-up":
            count = log.catch_up()
            self.stdout.write(
                ngettext(
                    "Appended %(count)d record to the log.",
                    "Appended %(count)d records to the log.",
                    count,
                )
                % {"count": count}
            )
        if action in ("catch-up", "sign"):
            log.sign()
        self.status()

    def status(self):
        waiting = log.unsigned()
        self.stdout.write(
            _("The log holds %(size)d records; %(waiting)d wait for a signature.")
            % {"size": log.size(), "waiting": waiting}
        )
        if waiting and keys.signer() is None:
            raise CommandError(
                _(
                    "The signing key is missing "
                    "(CORRECTION_DESK_LOG_KEY or CORRECTION_DESK_LOG_KEY_FILE)."
                )
            )
