import { ModuleProvider, Modules } from "@medusajs/framework/utils";
import FileOutboxNotificationService from "./service";

/**
 * A notification provider for the local stack: every message Medusa sends on its channel (e-mail here) is written,
 * one JSON line each, to a file instead of a mail server, so that a developer or a test can read it. A shop in
 * production registers a real e-mail provider for the channel instead (e.g. `@medusajs/medusa/notification-sendgrid`).
 */
export default ModuleProvider(Modules.NOTIFICATION, { services: [FileOutboxNotificationService] });
