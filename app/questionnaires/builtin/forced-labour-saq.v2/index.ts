import { type Template } from "../../model";
import { templateSchema } from "../../model.schema";
import { FORCED_LABOUR_SAQ_V2_EN } from "./en";
import { ES } from "./es";
import { FR } from "./fr";
import { ID } from "./id";
import { PT } from "./pt";
import { TR } from "./tr";
import { VI } from "./vi";
import { ZH_HANS } from "./zh-Hans";

/** Built-in forced-labour SAQ v2 with every shipped translation (one file per language beside this one). */
export const FORCED_LABOUR_SAQ_V2: Template = templateSchema.parse({
  ...FORCED_LABOUR_SAQ_V2_EN,
  translations: { es: ES, fr: FR, "zh-Hans": ZH_HANS, vi: VI, id: ID, pt: PT, tr: TR },
});
