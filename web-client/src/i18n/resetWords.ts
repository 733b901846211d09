import i18n from "i18next";
import { jaReset } from "./jaReset";

// Imported by the password-reset pages (reset.*): the words join the Japanese dictionary when the first of them loads.
// English, loaded whole when chosen, holds them already.
i18n.addResourceBundle("ja", "translation", jaReset, true, false);
