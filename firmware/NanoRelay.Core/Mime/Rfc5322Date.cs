using System;

namespace NanoRelay.Mime
{
    /// <summary>RFC 5322 §3.3 date-time in UTC: "Fri, 27 Nov 2026 09:30:00 +0000".</summary>
    public static class Rfc5322Date
    {
        private static readonly string[] s_days = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
        private static readonly string[] s_months = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

        public static string Format(DateTime utc)
        {
            return s_days[(int)utc.DayOfWeek] + ", " + utc.Day.ToString() + " " + s_months[utc.Month - 1] + " " + utc.Year.ToString() + " " +
                Two(utc.Hour) + ":" + Two(utc.Minute) + ":" + Two(utc.Second) + " +0000";
        }

        private static string Two(int v)
        {
            return v < 10 ? "0" + v.ToString() : v.ToString();
        }
    }
}
