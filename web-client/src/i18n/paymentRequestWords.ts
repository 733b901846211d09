import i18n from "i18next";
import { jaPaymentRequest } from "./jaPaymentRequest";

// Imported by the payment request's page: its words join the Japanese dictionary when it loads. English, loaded whole
// when chosen, holds them already.
i18n.addResourceBundle("ja", "translation", jaPaymentRequest, true, false);
