/** The workflow engine (issue 6): graph validation, templates, expressions and the parallel runner. */
export const engineVersion = 1;
