from django.apps import AppConfig


class TranslatorsConfig(AppConfig):
    name = "translators"
    verbose_name = "Translators"

    def ready(self):
        from celery.signals import task_prerun
        from rosetta.signals import entry_changed, post_save

        from . import reload

        # A correction saved on the screen reaches this process at once and every
        # other process (web workers, Celery workers) on its next request or task.
        post_save.connect(reload.catalogues_saved, dispatch_uid="translators-saved")
        entry_changed.connect(reload.entry_logged, dispatch_uid="translators-entry")
        task_prerun.connect(
            reload.refresh_before_task, weak=False, dispatch_uid="translators-task"
        )
