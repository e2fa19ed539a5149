using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChampionPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InvitationLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InvitationLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InvitationId = table.Column<int>(type: "INTEGER", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvitationLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InvitationLinks_Invitations_InvitationId",
                        column: x => x.InvitationId,
                        principalTable: "Invitations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InvitationLinks_InvitationId",
                table: "InvitationLinks",
                column: "InvitationId");

            migrationBuilder.CreateIndex(
                name: "IX_InvitationLinks_TokenHash",
                table: "InvitationLinks",
                column: "TokenHash",
                unique: true);

            // Every invitation's existing link keeps working: its hash becomes the invitation's first link.
            migrationBuilder.Sql(
                "INSERT INTO \"InvitationLinks\" (\"InvitationId\", \"TokenHash\", \"SentAtUtc\") " +
                "SELECT \"Id\", \"TokenHash\", COALESCE(\"SentAtUtc\", \"ExpiresAtUtc\") FROM \"Invitations\"");

            migrationBuilder.DropIndex(
                name: "IX_Invitations_TokenHash",
                table: "Invitations");

            migrationBuilder.DropColumn(
                name: "TokenHash",
                table: "Invitations");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TokenHash",
                table: "Invitations",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            // Back to one link per invitation: the latest one sent is the one kept.
            migrationBuilder.Sql(
                "UPDATE \"Invitations\" SET \"TokenHash\" = COALESCE((SELECT l.\"TokenHash\" FROM \"InvitationLinks\" l " +
                "WHERE l.\"InvitationId\" = \"Invitations\".\"Id\" ORDER BY l.\"SentAtUtc\" DESC, l.\"Id\" DESC LIMIT 1), " +
                "CAST(\"Id\" AS TEXT))");

            migrationBuilder.DropTable(
                name: "InvitationLinks");

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_TokenHash",
                table: "Invitations",
                column: "TokenHash",
                unique: true);
        }
    }
}
