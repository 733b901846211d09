import i18n from "i18next";
import { jaAdmin } from "./jaAdmin";

// Imported by every module that reads the staff's words (adminArea.*, office.*, figures.*): they join the Japanese dictionary when
// the first of those pages loads. English, loaded whole when chosen, holds them already.
i18n.addResourceBundle("ja", "translation", jaAdmin, true, false);
