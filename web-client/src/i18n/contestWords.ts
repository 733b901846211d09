import i18n from "i18next";
import { jaContests } from "./jaContests";

// Imported by every module that reads the contest pages' words (contests.*): they join the Japanese dictionary when the
// first of those pages loads. English, loaded whole when chosen, holds them already.
i18n.addResourceBundle("ja", "translation", jaContests, true, false);
