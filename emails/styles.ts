/** Inline styles shared by Clearsource emails (mail clients ignore stylesheets). */
export const main = {
  backgroundColor: "#f8fafc",
  fontFamily: "Helvetica, Arial, sans-serif",
  color: "#1e293b",
};
export const container = {
  margin: "32px auto",
  maxWidth: "560px",
  backgroundColor: "#ffffff",
  border: "1px solid #e2e8f0",
  borderRadius: "8px",
  padding: "32px",
};
export const brand = { fontSize: "14px", fontWeight: 700, color: "#0f766e", margin: 0 };
export const heading = { fontSize: "22px", margin: "16px 0" };
export const paragraph = { fontSize: "15px", lineHeight: "22px" };
export const button = {
  backgroundColor: "#0f766e",
  color: "#ffffff",
  borderRadius: "6px",
  padding: "12px 20px",
  fontWeight: 600,
  fontSize: "14px",
  textDecoration: "none",
};
export const small = { fontSize: "12px", color: "#64748b", lineHeight: "18px" };
export const hr = { borderColor: "#e2e8f0", margin: "24px 0" };
export const linkColor = { color: "#0f766e" };
