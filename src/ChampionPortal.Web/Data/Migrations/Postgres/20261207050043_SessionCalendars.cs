using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ChampionPortal.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SessionCalendars : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "LinkOrVenue",
                table: "Sessions",
                newName: "Venue");

            migrationBuilder.AddColumn<int>(
                name: "CalendarSequence",
                table: "Sessions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "CalendarUid",
                table: "Sessions",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "JoinUrl",
                table: "Sessions",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            // Sessions made before calendars: each gets its random UID, and a web address given as the "link or venue"
            // becomes the join link (only people who accepted see it from now on).
            migrationBuilder.Sql("UPDATE \"Sessions\" SET \"CalendarUid\" = replace(gen_random_uuid()::text, '-', '');");
            migrationBuilder.Sql("UPDATE \"Sessions\" SET \"JoinUrl\" = \"Venue\", \"Venue\" = NULL WHERE \"Venue\" LIKE 'http://%' OR \"Venue\" LIKE 'https://%';");

            migrationBuilder.AddColumn<string>(
                name: "Calendar",
                table: "OutboxMessages",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CalendarMethod",
                table: "OutboxMessages",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CalendarFeeds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AuthorityId = table.Column<int>(type: "integer", nullable: false),
                    Token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarFeeds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CalendarFeeds_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SessionReminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    AuthorityId = table.Column<int>(type: "integer", nullable: false),
                    MinutesBefore = table.Column<int>(type: "integer", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionReminders_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SessionReminders_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_CalendarUid",
                table: "Sessions",
                column: "CalendarUid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeeds_AuthorityId",
                table: "CalendarFeeds",
                column: "AuthorityId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeeds_Token",
                table: "CalendarFeeds",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SessionReminders_AuthorityId",
                table: "SessionReminders",
                column: "AuthorityId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionReminders_SessionId_AuthorityId_MinutesBefore",
                table: "SessionReminders",
                columns: new[] { "SessionId", "AuthorityId", "MinutesBefore" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarFeeds");

            migrationBuilder.DropTable(
                name: "SessionReminders");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_CalendarUid",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "CalendarSequence",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "CalendarUid",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "JoinUrl",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "Calendar",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "CalendarMethod",
                table: "OutboxMessages");

            migrationBuilder.RenameColumn(
                name: "Venue",
                table: "Sessions",
                newName: "LinkOrVenue");
        }
    }
}
