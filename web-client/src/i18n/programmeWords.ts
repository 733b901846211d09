import i18n from "i18next";
import { jaProgrammes } from "./jaProgrammes";

// Imported by every module that reads the programme words of ./jaProgrammes.ts: they join the Japanese dictionary when the
// first of those modules loads. English, loaded whole when chosen, holds them already.
i18n.addResourceBundle("ja", "translation", jaProgrammes, true, false);
