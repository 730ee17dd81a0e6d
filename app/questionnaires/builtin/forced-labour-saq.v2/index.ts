import { templateSchema, type Template } from "../../model";
import { FORCED_LABOUR_SAQ_V2_EN } from "./en";
import { ES } from "./es";

/** Built-in forced-labour SAQ v2 with every shipped translation (one file per language beside this one). */
export const FORCED_LABOUR_SAQ_V2: Template = templateSchema.parse({
  ...FORCED_LABOUR_SAQ_V2_EN,
  translations: { es: ES },
});
