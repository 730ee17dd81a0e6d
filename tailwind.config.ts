import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand: {
          50: "#eef6f5",
          100: "#d5e9e6",
          500: "#2f7f76",
          600: "#24665f",
          700: "#1d524c",
          900: "#10302c",
        },
      },
    },
  },
  plugins: [],
} satisfies Config;
