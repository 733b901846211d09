import i18n from "i18next";
import { jaThread } from "./jaThread";

// Imported by the message thread (thread.* beyond ja.ts's): the words join the Japanese dictionary when it first loads.
// English, loaded whole when chosen, holds them already.
i18n.addResourceBundle("ja", "translation", jaThread, true, false);
