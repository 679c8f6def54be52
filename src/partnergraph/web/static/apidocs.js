// Swagger UI over the app's own OpenAPI description (served from the npm package, no CDN).
window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui" });
