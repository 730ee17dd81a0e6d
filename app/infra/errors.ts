/** Typed domain errors, mapped to HTTP at the route edge (see http.server.ts). */
export class NotFoundError extends Error {
  constructor(what = "Not found") {
    super(what);
    this.name = "NotFoundError";
  }
}

export class ForbiddenError extends Error {
  constructor(message = "You do not have permission to do that.") {
    super(message);
    this.name = "ForbiddenError";
  }
}

export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConflictError";
  }
}

/** Field-level problems a form should show next to its inputs. */
export class ValidationError extends Error {
  constructor(
    public fieldErrors: Record<string, string>,
    message = "Please correct the highlighted fields.",
  ) {
    super(message);
    this.name = "ValidationError";
  }
}
