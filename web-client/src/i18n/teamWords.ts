import i18n from "i18next";
import { jaTeams } from "./jaTeams";

// Imported by every module that reads the team words (teams.*): they join the Japanese dictionary when the first of
// those modules loads. English, loaded whole when chosen, holds them already.
i18n.addResourceBundle("ja", "translation", jaTeams, true, false);
