import i18n from "i18next";
import { jaTaskJobs } from "./jaTaskJobs";

// Imported by every module that reads the task job pages' words (taskJobs.*): they join the Japanese dictionary when the
// first of those pages loads. English, loaded whole when chosen, holds them already.
i18n.addResourceBundle("ja", "translation", jaTaskJobs, true, false);
