"""The guard of a project's applications under /manage/<project>/applications/:
CentreRoleRequiredMixin (staff of that project, or the coordinator), and the
applications reached only through `for_project(centre)`, so another project's
application answers 404."""

from django.shortcuts import get_object_or_404

from centres.permissions import CentreRoleRequiredMixin

from .models import TaskForceApplication


class ProjectApplicationsMixin(CentreRoleRequiredMixin):
    def applications(self):
        return TaskForceApplication.objects.for_project(self.centre)

    def get_application(self) -> TaskForceApplication:
        return get_object_or_404(
            self.applications().prefetch_related("projects"), pk=self.kwargs["pk"]
        )
